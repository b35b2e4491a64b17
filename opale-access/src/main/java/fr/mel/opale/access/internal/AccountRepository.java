package fr.mel.opale.access.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** Local accounts by username. */
public interface AccountRepository extends JpaRepository<Account, String> {
}
