package fr.mel.opale.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The stored form of a record: its JSON document plus the few columns the database and the policy need.
 * Only {@link RecordStore} touches it.
 */
@Entity
@Table(name = "catalog_record")
public class RecordEntity {
    @Id
    private String id;
    private String kind;
    private String title;
    @Column(name = "owner_org")
    private String ownerOrganisation;
    private String visibility;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "modified_at")
    private Instant modifiedAt;
    @Version
    private long version;
    private Double west;
    private Double south;
    private Double east;
    private Double north;
    private String document;

    protected RecordEntity() {
        // for JPA
    }

    RecordEntity(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    void fill(String kind, String title, String ownerOrganisation, String visibility, Instant modifiedAt,
              double[] box, String document) {
        this.kind = kind;
        this.title = title;
        this.ownerOrganisation = ownerOrganisation;
        this.visibility = visibility;
        this.modifiedAt = modifiedAt;
        this.west = box == null ? null : box[0];
        this.south = box == null ? null : box[1];
        this.east = box == null ? null : box[2];
        this.north = box == null ? null : box[3];
        this.document = document;
    }

    String id() { return id; }
    String kind() { return kind; }
    String title() { return title; }
    String ownerOrganisation() { return ownerOrganisation; }
    String visibility() { return visibility; }
    Instant createdAt() { return createdAt; }
    Instant modifiedAt() { return modifiedAt; }
    long version() { return version; }
    String document() { return document; }
}
