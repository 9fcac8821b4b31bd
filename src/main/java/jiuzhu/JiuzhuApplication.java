package jiuzhu;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class JiuzhuApplication {

    /** Every time Jiuzhu shows, stores or computes is Asia/Shanghai; the engine's timestamps follow the JVM zone. */
    public static final String ZONE = "Asia/Shanghai";

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
        SpringApplication.run(JiuzhuApplication.class, args);
    }
}
