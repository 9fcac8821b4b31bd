package jiuzhu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class JiuzhuApplication {
    public static void main(String[] args) {
        SpringApplication.run(JiuzhuApplication.class, args);
    }
}
