package fr.mel.opale.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code searchIndex} in {@code /actuator/health}: DOWN until the index is open and in step with the catalog
 * (rebuilt at start when needed), so the platform reports UP only once searches answer completely.
 */
@Component("searchIndex")
class SearchIndexHealth implements HealthIndicator {
    private final IndexFollower follower;

    SearchIndexHealth(IndexFollower follower) {
        this.follower = follower;
    }

    @Override
    public Health health() {
        return follower.ready() ? Health.up().build() : Health.down().withDetail("index", "en construction").build();
    }
}
