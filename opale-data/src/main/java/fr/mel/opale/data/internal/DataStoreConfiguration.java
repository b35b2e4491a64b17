package fr.mel.opale.data.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the {@link TableStore} of the database Opale runs on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataSettings.class)
public class DataStoreConfiguration {
    /** After Flyway: H2's store registers functions, and Flyway refuses to migrate a schema that is not empty. */
    @Bean
    @DependsOnDatabaseInitialization
    public TableStore tableStore(DataSource dataSource, DataSettings settings) throws SQLException {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        return switch (product) {
            case "PostgreSQL" -> new PostgisTableStore(dataSource, settings.partitionRows());
            case "H2" -> new H2TableStore(dataSource);
            default -> throw new IllegalStateException("Base de données non prise en charge pour les jeux de données : "
                    + product + " (H2 ou PostgreSQL + PostGIS)");
        };
    }
}
