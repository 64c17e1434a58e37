package cn.bureau.subsidy.identity;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicantBindingRepository extends JpaRepository<ApplicantBinding, String> {
}
