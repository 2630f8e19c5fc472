package dev.headroom.operator.review;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.config.HeadroomConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Serves the read-only decision timeline on the HTTP port, next to {@code /q/metrics}: {@code
 * /headroom} (every policy and budget), {@code /headroom/policies/NS/NAME} and {@code
 * /headroom/budgets/NS/NAME}. Only GET; every replica serves it, the leader with every round it
 * decided, a follower with what status records. Resources are read from the API server per request
 * (a page is for people, not for polling).
 */
@Singleton
public class TimelineRoutes {

  private static final Logger LOG = Logger.getLogger(TimelineRoutes.class);

  /** A Kubernetes namespace or object name (DNS subdomain). */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private final KubernetesClient client;
  private final TimelineStore store;
  private final Clock clock;
  private final HeadroomConfig config;

  public TimelineRoutes(
      KubernetesClient client, TimelineStore store, Clock clock, HeadroomConfig config) {
    this.client = client;
    this.store = store;
    this.clock = clock;
    this.config = config;
  }

  void routes(@Observes Router router) {
    if (!config.timeline().enabled()) {
      return;
    }
    router
        .get("/headroom")
        .blockingHandler(
            ctx ->
                respond(
                    ctx,
                    c ->
                        IndexPage.render(
                            client
                                .resources(ScalingPolicy.class)
                                .inAnyNamespace()
                                .list()
                                .getItems(),
                            client
                                .resources(ConnectionBudget.class)
                                .inAnyNamespace()
                                .list()
                                .getItems())));
    router
        .get("/headroom/policies/:ns/:name")
        .blockingHandler(
            ctx ->
                respond(
                    ctx,
                    c -> {
                      ScalingPolicy p =
                          client
                              .resources(ScalingPolicy.class)
                              .inNamespace(c.pathParam("ns"))
                              .withName(c.pathParam("name"))
                              .get();
                      return p == null
                          ? null
                          : PolicyPage.render(
                              p,
                              store.rounds(c.pathParam("ns") + "/" + c.pathParam("name")),
                              clock.instant());
                    }));
    router
        .get("/headroom/budgets/:ns/:name")
        .blockingHandler(
            ctx ->
                respond(
                    ctx,
                    c -> {
                      ConnectionBudget b =
                          client
                              .resources(ConnectionBudget.class)
                              .inNamespace(c.pathParam("ns"))
                              .withName(c.pathParam("name"))
                              .get();
                      return b == null
                          ? null
                          : BudgetPage.render(
                              b,
                              store.roundsOfBudget(c.pathParam("ns") + "/" + c.pathParam("name")),
                              clock.instant());
                    }));
  }

  private void respond(RoutingContext ctx, Function<RoutingContext, String> page) {
    for (String param : new String[] {"ns", "name"}) {
      String v = ctx.pathParam(param);
      if (v != null && !NAME.matcher(v).matches()) {
        send(ctx, 400, "not a Kubernetes name: " + v);
        return;
      }
    }
    try {
      String html = page.apply(ctx);
      if (html == null) {
        send(ctx, 404, "no such resource");
      } else {
        ctx.response()
            .putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Cache-Control", "no-store")
            .putHeader(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
            .putHeader("X-Content-Type-Options", "nosniff")
            .end(html);
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "the timeline page %s failed", ctx.request().path());
      send(ctx, 502, "the page could not be built: " + e.getMessage());
    }
  }

  private static void send(RoutingContext ctx, int code, String message) {
    ctx.response()
        .setStatusCode(code)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .end(message + "\n");
  }
}
