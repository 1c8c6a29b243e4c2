/**
 * Figures: the METRICS.md counts summed per 15-minute interval, per queue and for the whole
 * centre, from the engine's segment stream; ratios and means derived at read time; plain-text
 * tables. Engine-free: no threads, clocks or I/O. Entry points: {@link
 * org.hotlineacd.acd.figures.FigureBook}, {@link org.hotlineacd.acd.figures.Figures}, {@link
 * org.hotlineacd.acd.figures.FigureTables}. The rules are in {@code docs/figures.md}.
 */
package org.hotlineacd.acd.figures;
