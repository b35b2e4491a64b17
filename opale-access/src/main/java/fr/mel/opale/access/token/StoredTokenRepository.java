package fr.mel.opale.access.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Tokens by hash (authentication) and by account (their owner's list). */
interface StoredTokenRepository extends JpaRepository<StoredToken, Long> {
    Optional<StoredToken> findByTokenHash(String tokenHash);

    @Query("select t from StoredToken t where t.account = :account and t.revokedAt is null order by t.createdAt desc, t.id desc")
    List<StoredToken> findActiveOf(@Param("account") String account);

    @Query("select count(t) from StoredToken t where t.account = :account and t.revokedAt is null "
            + "and (t.expiresAt is null or t.expiresAt > :now)")
    long countUsable(@Param("account") String account, @Param("now") Instant now);

    /**
     * Records a use unless one was recorded after {@code since}: concurrent requests of the same minute write once,
     * and the condition in SQL keeps a stale read from moving the date backwards.
     */
    @Modifying
    @Query("update StoredToken t set t.lastUsedAt = :now where t.id = :id "
            + "and (t.lastUsedAt is null or t.lastUsedAt < :since)")
    int touch(@Param("id") long id, @Param("now") Instant now, @Param("since") Instant since);
}
