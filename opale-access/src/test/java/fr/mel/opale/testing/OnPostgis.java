package fr.mel.opale.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test on PostgreSQL + PostGIS, in a schema of its own, when {@code OPALE_TEST_PG_URL} is set (CI sets
 * it); skipped otherwise. Put it on the PostGIS subclass of an abstract database test whose H2 twin carries
 * {@link OnH2}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@EnabledIfEnvironmentVariable(named = PostgisTestDatabase.ENV, matches = ".+")
@ContextConfiguration(initializers = PostgisTestDatabase.class)
public @interface OnPostgis {
}
