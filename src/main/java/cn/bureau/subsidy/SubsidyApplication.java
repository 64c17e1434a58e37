package cn.bureau.subsidy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SubsidyApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubsidyApplication.class, args);
    }
}
