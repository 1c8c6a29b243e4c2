/**
 * Live figures: what the engine publishes about once a second for wallboards and Micrometer
 * gauges. {@link org.hotlineacd.acd.live.LiveBoard} builds an immutable {@link
 * org.hotlineacd.acd.live.LiveSnapshot} on the engine thread from the engine's snapshot and the
 * figure book, and hands it (and its wallboard JSON) to readers on other threads, which never
 * touch engine state. The rules are in {@code docs/figures.md}, "Live figures".
 */
package org.hotlineacd.acd.live;
