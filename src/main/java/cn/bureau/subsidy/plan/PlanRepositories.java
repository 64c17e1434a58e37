package cn.bureau.subsidy.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface FundingPlanRepository extends JpaRepository<FundingPlan, UUID> {

    Optional<FundingPlan> findFirstByProgramIdOrderByPlanVersionDesc(UUID programId);
}

interface PlanLineRepository extends JpaRepository<PlanLine, Long> {

    List<PlanLine> findByPlanIdOrderByEnterpriseNameAscCategoryAsc(UUID planId);

    List<PlanLine> findByPlanIdAndApplicationId(UUID planId, UUID applicationId);

    List<PlanLine> findByPlanIdAndApplicationIdIn(UUID planId, java.util.Collection<UUID> applicationIds);
}

interface PlanObjectionRepository extends JpaRepository<PlanObjection, UUID> {
}
