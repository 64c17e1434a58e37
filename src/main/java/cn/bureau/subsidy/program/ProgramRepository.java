package cn.bureau.subsidy.program;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProgramRepository extends JpaRepository<Program, UUID> {

    /**
     * Read at every filing and quote. Written out: Hibernate caches the SQL of a query text, while the
     * criteria query Spring Data derives from the method name is translated again at every call. The program's rates
     * and decision choices come in the same query (a few rows) instead of one query each.
     */
    @Query("select p from Program p left join fetch p.fxRatesToCny left join fetch p.lprPercent "
            + "left join fetch p.decisions where p.code = ?1")
    Optional<Program> findByCode(String code);

    boolean existsByCode(String code);
}
