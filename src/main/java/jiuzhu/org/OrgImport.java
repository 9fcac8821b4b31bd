package jiuzhu.org;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jiuzhu.system.StartupLock;

/**
 * Brings the registry tables and the units' Camunda groups in line with the registry file at start-up. An
 * unchanged file (same SHA-256 as the last import) is skipped. Units missing from a new file are deactivated,
 * never deleted: cases, grants and history still point at them.
 */
@Component
@Order(OrgImport.ORDER)
class OrgImport implements ApplicationRunner {

    static final int ORDER = 0;
    static final String GROUP_TYPE = "UNIT";
    /** Each township also has a group for its head (负责人): h + township code, told of cases about to run late. */
    static final String HEAD_GROUP_TYPE = "HEAD";
    private static final Logger log = LoggerFactory.getLogger(OrgImport.class);

    private final OrgProperties properties;
    private final JdbcTemplate jdbc;
    private final StartupLock startupLock;
    private final IdentityService identityService;

    OrgImport(OrgProperties properties, JdbcTemplate jdbc, StartupLock startupLock, IdentityService identityService) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.startupLock = startupLock;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        byte[] content = read();
        startupLock.runExclusively(() -> importIfChanged(content));
    }

    private byte[] read() throws IOException {
        byte[] content;
        try (InputStream in = properties.data().getInputStream()) {
            content = in.readAllBytes();
        }
        return content;
    }

    private void importIfChanged(byte[] content) {
        String source = properties.data().getDescription();
        // The demo switch is part of the fingerprint: the same file read without demo units is another import.
        String sha = fingerprint(content, properties.includeDemoUnits());
        String last = jdbc.query("select sha256 from jz_org_import order by id desc limit 1",
                rs -> rs.next() ? rs.getString(1) : null);
        if (sha.equals(last)) {
            log.info("Organisation registry unchanged ({}), import skipped", source);
            return;
        }
        List<Unit> units = UnitFile.read(new ByteArrayInputStream(content), source).stream()
                .filter(u -> properties.includeDemoUnits() || !u.demo())
                .toList();
        int[] counts = sync(units, source, sha);
        syncGroups(units);
        log.info("Organisation registry imported from {}: {} units, {} added, {} changed, {} deactivated",
                source, units.size(), counts[0], counts[1], counts[2]);
    }

    private int[] sync(List<Unit> units, String source, String sha) {
        Map<String, Unit> existing = new HashMap<>();
        Map<String, Boolean> activeNow = new HashMap<>();
        jdbc.query("select code, level, name, parent_code, demo, active from jz_unit", rs -> {
            Unit u = new Unit(rs.getString(1), UnitLevel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                    rs.getBoolean(5));
            existing.put(u.code(), u);
            activeNow.put(u.code(), rs.getBoolean(6));
        });
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        int added = 0;
        int changed = 0;
        // The file lists parents before children is not guaranteed: insert level by level for the foreign key.
        for (UnitLevel level : UnitLevel.values()) {
            for (Unit u : units) {
                if (u.level() != level) {
                    continue;
                }
                Unit old = existing.get(u.code());
                if (old == null) {
                    jdbc.update("insert into jz_unit (code, level, name, parent_code, group_id, demo, active, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, true, ?)",
                            u.code(), u.level().name(), u.name(), u.parentCode(), u.groupId(), u.demo(), now);
                    added++;
                } else if (!old.equals(u) || !activeNow.get(u.code())) {
                    jdbc.update("update jz_unit set level = ?, name = ?, parent_code = ?, group_id = ?, demo = ?,"
                            + " active = true, updated_at = ? where code = ?",
                            u.level().name(), u.name(), u.parentCode(), u.groupId(), u.demo(), now, u.code());
                    changed++;
                }
            }
        }
        var inFile = units.stream().map(Unit::code).collect(Collectors.toSet());
        int deactivated = 0;
        for (String code : existing.keySet()) {
            if (!inFile.contains(code) && activeNow.get(code)) {
                jdbc.update("update jz_unit set active = false, updated_at = ? where code = ?", now, code);
                deactivated++;
            }
        }
        jdbc.update("insert into jz_org_import (source, sha256, units_total, units_added, units_changed,"
                + " units_deactivated, imported_at) values (?, ?, ?, ?, ?, ?, ?)",
                truncate(source, 500), sha, units.size(), added, changed, deactivated, now);
        return new int[] {added, changed, deactivated};
    }

    private void syncGroups(List<Unit> units) {
        Map<String, Group> groups = new HashMap<>();
        identityService.createGroupQuery().groupType(GROUP_TYPE).list().forEach(g -> groups.put(g.getId(), g));
        identityService.createGroupQuery().groupType(HEAD_GROUP_TYPE).list().forEach(g -> groups.put(g.getId(), g));
        for (Unit u : units) {
            if (u.level() == UnitLevel.TOWNSHIP) {
                saveGroup(groups, Unit.headGroupOf(u.code()), u.name() + "负责人（" + u.code() + "）", HEAD_GROUP_TYPE);
            }
            saveGroup(groups, u.groupId(), u.name() + "（" + u.code() + "）", GROUP_TYPE);
        }
    }

    private void saveGroup(Map<String, Group> groups, String id, String name, String type) {
        Group g = groups.get(id);
        if (g == null) {
            g = identityService.newGroup(id);
        } else if (name.equals(g.getName())) {
            return;
        }
        g.setName(name);
        g.setType(type);
        identityService.saveGroup(g);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String fingerprint(byte[] content, boolean includeDemoUnits) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(content);
            digest.update((byte) (includeDemoUnits ? 1 : 0));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
