package jiuzhu.org;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the registry comes from. {@code includeDemoUnits} is false in production so that invented townships
 * and villages never reach a real database.
 */
@ConfigurationProperties("jiuzhu.org")
record OrgProperties(Resource data, boolean includeDemoUnits) {
}
