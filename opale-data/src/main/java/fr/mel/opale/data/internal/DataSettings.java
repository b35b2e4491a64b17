package fr.mel.opale.data.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the data store ({@code opale.data.*}).
 *
 * @param keepVersions how many READY versions of a dataset are kept, the served one included (older ones are dropped
 *                     after each successful load); at least 1. Kept versions are what an editor can roll back to.
 */
@ConfigurationProperties("opale.data")
public record DataSettings(@DefaultValue("3") int keepVersions) {
    public DataSettings {
        keepVersions = Math.max(1, keepVersions);
    }
}
