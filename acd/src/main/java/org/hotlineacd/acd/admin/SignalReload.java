package org.hotlineacd.acd.admin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads on {@code SIGHUP} (the Unix habit: {@code kill -HUP <pid>}) through {@code
 * sun.misc.Signal}, reached by reflection because javac warns about it (and the build treats
 * warnings as errors). Where the class or the signal does not exist (Windows, a JVM without {@code
 * jdk.unsupported}, a JVM started with {@code -Xrs}), it logs that and the file watcher and admin
 * API remain.
 */
public final class SignalReload {
  private static final Logger LOG = LoggerFactory.getLogger(SignalReload.class);

  private SignalReload() {}

  /** Installs the handler; returns whether it could. {@code reload} runs on the JVM's signal thread. */
  public static boolean install(Runnable reload) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object hup = signal.getConstructor(String.class).newInstance("HUP");
      InvocationHandler h = (Object proxy, Method m, Object[] args) -> {
        if (m.getName().equals("handle")) {
          LOG.info("SIGHUP: reloading the configuration");
          reload.run();
          return null;
        }
        return switch (m.getName()) {
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> "SignalReload";
        };
      };
      Object proxy = Proxy.newProxyInstance(SignalReload.class.getClassLoader(), new Class<?>[] {handler}, h);
      signal.getMethod("handle", signal, handler).invoke(null, hup, proxy);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
          ? ite.getCause() : e;
      LOG.info("SIGHUP reload is not available here ({}); the file watcher and POST /api/reload still reload",
          cause.toString());
      return false;
    }
  }
}
