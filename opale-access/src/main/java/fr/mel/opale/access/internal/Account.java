package fr.mel.opale.access.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A local account: a username with a hashed password. Other identity kinds (OIDC, FranceConnect) come later. */
@Entity
@Table(name = "account")
public class Account {
    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "platform_admin", nullable = false)
    private boolean platformAdmin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
        // for JPA
    }

    public Account(String username, String passwordHash, String displayName, boolean platformAdmin) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.platformAdmin = platformAdmin;
        this.createdAt = Instant.now();
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean platformAdmin() {
        return platformAdmin;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    void grantPlatformAdmin() {
        this.platformAdmin = true;
    }
}
