package fr.mel.opale.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data access to {@link RecordEntity} by id; used by {@link RecordStore} only (lists are plain SQL there). */
interface RecordEntityRepository extends JpaRepository<RecordEntity, String> {
}
