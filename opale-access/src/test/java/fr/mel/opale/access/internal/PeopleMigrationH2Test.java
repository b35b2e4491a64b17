package fr.mel.opale.access.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

class PeopleMigrationH2Test extends PeopleMigrationContract {
    @Override
    Connection freshDatabase() throws SQLException {
        return connect("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    String vendor() {
        return "h2";
    }
}
