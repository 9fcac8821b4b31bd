package jiuzhu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes many cases out of a few real ones for the large workloads, where driving 100,000 or 1,000,000 cases through
 * the engine would take hours: every row the engine and Jiuzhu wrote for a template case (runtime, history,
 * grants, byte arrays, Jiuzhu's case tables) is copied with its own ids, case number and business key suffixed
 * ({@code -1}, {@code -2}, ...), so each copy is a complete, independent case in the state of its template. Values
 * that point at shared rows (process definition, deployment, household, groups) are kept.
 */
final class CaseCloner {

    private static final List<String> INSTANCE_COLUMNS = List.of("proc_inst_id_", "process_instance_id_", "root_proc_inst_id_",
            "process_instance_id");

    private final Connection connection;
    private final Predicate<String> tables;
    private final List<Row> rows = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Map<String, Map<String, String>> columnTypes = new LinkedHashMap<>();

    record Row(String table, List<String> columns, List<Object> values) {
    }

    /** @param tables which tables to copy (lower-case names); the rest are left out */
    CaseCloner(Connection connection, Predicate<String> tables) {
        this.connection = connection;
        this.tables = tables;
    }

    /** Reads every row of the template cases (instance id -> case number). */
    CaseCloner read(Map<String, String> templates) throws SQLException {
        ids.addAll(templates.keySet());
        ids.addAll(templates.values());
        readColumnTypes();
        String instances = inList(templates.keySet());
        String cases = inList(templates.values());
        for (Map.Entry<String, Map<String, String>> table : columnTypes.entrySet()) {
            Set<String> cols = table.getValue().keySet();
            List<String> where = new ArrayList<>();
            for (String c : INSTANCE_COLUMNS) {
                if (cols.contains(c)) {
                    where.add(c + " in (" + instances + ")");
                }
            }
            if (cols.contains("case_number")) {
                where.add("case_number in (" + cases + ")");
            }
            if (!where.isEmpty()) {
                select(table.getKey(), String.join(" or ", where));
            }
        }
        // Rows tied to the instance only through another row's id: candidate groups and grants of its tasks,
        // decision inputs and outputs.
        select("act_ru_identitylink", "task_id_ in (" + inList(ids) + ")");
        select("act_ru_authorization", "resource_id_ in (" + inList(ids) + ") and root_proc_inst_id_ is null");
        for (String t : List.of("act_hi_dec_in", "act_hi_dec_out")) {
            if (columnTypes.containsKey(t)) {
                select(t, "dec_inst_id_ in (" + inList(ids) + ")");
            }
        }
        return this;
    }

    int rowsPerCopy() {
        return rows.size();
    }

    Map<String, Integer> rowsPerTable() {
        Map<String, Integer> m = new java.util.TreeMap<>();
        rows.forEach(r -> m.merge(r.table(), 1, Integer::sum));
        return m;
    }

    /** Writes copies {@code from}..{@code to} (inclusive) of every template, in the caller's transaction. */
    void copy(int from, int to) throws SQLException {
        // The copies are consistent by construction; foreign-key triggers are off for the bulk load (as pg_restore
        // does) because rows are written table by table, not in the engine's order.
        try (Statement s = connection.createStatement()) {
            s.execute("set session_replication_role = replica");
        }
        for (Row row : rows) {
            List<String> exprs = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            Map<String, String> types = columnTypes.get(row.table());
            for (int i = 0; i < row.columns().size(); i++) {
                String type = types.get(row.columns().get(i));
                Object v = row.values().get(i);
                if (v instanceof String s && ids.contains(s) && s.length() + 8 > 64) {
                    // Long ids (activity instance ids such as Task_RegisterApplication:<uuid>) keep their length: the
                    // last 9 characters become 'z' and the copy number in hex, which no UUID contains.
                    exprs.add("cast(? || lpad(to_hex(g), 8, '0') as " + type + ")");
                    params.add(s.substring(0, s.length() - 9) + "z");
                } else if (v instanceof String s && ids.contains(s)) {
                    exprs.add("cast(? || '-' || g as " + type + ")");
                    params.add(s);
                } else {
                    exprs.add("cast(? as " + type + ")");
                    params.add(v);
                }
            }
            String sql = "insert into " + row.table() + " (" + String.join(", ", row.columns()) + ") select " + String.join(", ", exprs)
                    + " from generate_series(?, ?) g";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int p = 1;
                for (Object v : params) {
                    insert.setObject(p++, v);
                }
                insert.setInt(p++, from);
                insert.setInt(p, to);
                insert.executeUpdate();
            }
        }
    }

    private void select(String table, String where) throws SQLException {
        if (!tables.test(table) || !columnTypes.containsKey(table)) {
            return;
        }
        Set<String> identity = identityColumns(table);
        try (PreparedStatement s = connection.prepareStatement("select * from " + table + " where " + where);
                ResultSet r = s.executeQuery()) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                List<String> cols = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String col = meta.getColumnName(i).toLowerCase();
                    if (!identity.contains(col)) {
                        cols.add(col);
                        values.add(r.getObject(i));
                    }
                }
                Row row = new Row(table, cols, values);
                if (rows.stream().noneMatch(existing -> existing.table().equals(table) && existing.values().equals(values))) {
                    rows.add(row);
                    int id = cols.indexOf("id_");
                    if (id >= 0 && values.get(id) instanceof String key) {
                        ids.add(key);
                    }
                }
            }
        }
    }

    private void readColumnTypes() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select table_name, column_name, data_type, character_maximum_length"
                + " from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String type = r.getString(3);
                if (type.equals("character varying")) {
                    type = "varchar";
                } else if (type.equals("character")) {
                    type = "char(" + r.getInt(4) + ")";
                } else if (type.startsWith("timestamp")) {
                    type = type.contains("with time zone") ? "timestamptz" : "timestamp";
                }
                columnTypes.computeIfAbsent(r.getString(1).toLowerCase(), k -> new LinkedHashMap<>()).put(r.getString(2).toLowerCase(), type);
            }
        }
    }

    private Set<String> identityColumns(String table) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? and (is_identity = 'YES' or column_default like 'nextval%')")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1).toLowerCase());
                }
            }
        }
        return out;
    }

    private static String inList(java.util.Collection<String> values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append('\'').append(v.replace("'", "''")).append('\'');
        }
        return b.length() == 0 ? "''" : b.toString();
    }
}
