package cn.bureau.subsidy.filing;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MaterialRepository extends JpaRepository<Material, UUID> {

    /** The case's files, oldest first, without their bytes (a constructor query: only these columns are read). */
    List<MaterialFile> findByApplicationIdOrderByUploadedAt(UUID applicationId);

    boolean existsByApplicationId(UUID applicationId);

    long countByApplicationIdAndKindStartingWith(UUID applicationId, String kindPrefix);
}
