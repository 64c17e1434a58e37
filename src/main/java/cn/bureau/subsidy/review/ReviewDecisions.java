package cn.bureau.subsidy.review;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewDecisions extends JpaRepository<ReviewDecision, Long> {

    List<ReviewDecision> findByApplicationIdOrderByDecidedAt(UUID applicationId);

    boolean existsByApplicationIdAndStageAndDecidedBy(UUID applicationId, String stage, String decidedBy);
}
