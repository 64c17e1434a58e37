package cn.bureau.subsidy.modeling;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the process owner's model folders are: {@code directory/processes}, {@code /decisions}, {@code /forms}. */
@ConfigurationProperties("subsidy.models")
record ModelsProperties(Path directory) {
}
