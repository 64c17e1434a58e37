package cn.bureau.subsidy.modeling;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelMigrationRepository extends JpaRepository<ModelMigration, UUID> {
}
