package cn.bureau.subsidy.filing;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, UUID> {

    /**
     * Asked at every filing; a query text, so Hibernate translates it once (see ProgramRepository#findByCode). At most
     * one (a unique key), and almost always none: a list, because a single result that is not there costs an
     * exception with the whole request's stack trace.
     */
    @Query("select a from Application a where a.filedBy = ?1 and a.idempotencyKey = ?2")
    List<Application> findByFiledByAndIdempotencyKey(String filedBy, String idempotencyKey);

    /** The cases of a program at a stage with their claims, in one query. */
    @Query("select distinct a from Application a left join fetch a.claims where a.programId = ?1 and a.stage = ?2 "
            + "order by a.businessKey")
    List<Application> findByProgramIdAndStage(UUID programId, String stage);

    /** Every case filed in a program, with its claims, in one query. */
    @Query("select distinct a from Application a left join fetch a.claims where a.programId = ?1 "
            + "order by a.businessKey")
    List<Application> findByProgramIdWithClaims(UUID programId);

    /** A page of the cases of a program at a stage, without their claims. */
    List<Application> findByProgramIdAndStageOrderByBusinessKey(UUID programId, String stage, Pageable page);

    long countByProgramIdAndStage(UUID programId, String stage);

    long countByProgramIdAndStageNotIn(UUID programId, Collection<String> stages);

    /** An enterprise's cases, the newest first (the portal's "my cases"). */
    List<Application> findByUsccOrderByFiledAtDesc(String uscc);

    @Query(value = "select nextval('case_number_seq')", nativeQuery = true)
    long nextCaseNumber();
}
