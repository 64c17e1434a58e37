package cn.bureau.subsidy.disbursement;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

    Optional<Payment> findByApplicationIdAndAttempt(UUID applicationId, int attempt);

    List<Payment> findByApplicationIdOrderByAttempt(UUID applicationId);

    boolean existsByApplicationIdAndStatus(UUID applicationId, String status);
}
