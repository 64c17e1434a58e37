package cn.bureau.subsidy.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegistryEntries extends JpaRepository<RegistryEntry, Long> {

    List<RegistryEntry> findByUscc(String uscc);

    List<RegistryEntry> findByRegistryOrderByUsccAscIdAsc(Registry registry);
}
