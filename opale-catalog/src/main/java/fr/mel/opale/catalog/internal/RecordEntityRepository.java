package fr.mel.opale.catalog.internal;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spring Data access to {@link RecordEntity}; used by {@link RecordStore} only. */
interface RecordEntityRepository extends JpaRepository<RecordEntity, String> {

    /**
     * Records of the given visibilities whose title contains {@code text} (case-insensitive), newest first.
     * A stop-gap list query until the search index arrives.
     */
    @Query("""
            select r from RecordEntity r
            where r.visibility in :visibilities
              and (:text is null or lower(r.title) like concat('%', lower(cast(:text as string)), '%') escape '\\')
            order by r.modifiedAt desc, r.id
            """)
    Page<RecordEntity> list(@Param("visibilities") Collection<String> visibilities, @Param("text") String text,
                            Pageable pageable);
}
