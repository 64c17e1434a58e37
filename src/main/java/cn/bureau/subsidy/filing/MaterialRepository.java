package cn.bureau.subsidy.filing;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaterialRepository extends JpaRepository<Material, UUID> {

    List<Material> findByApplicationIdOrderByUploadedAt(UUID applicationId);

    long countByApplicationIdAndKindStartingWith(UUID applicationId, String kindPrefix);
}
