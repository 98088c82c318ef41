package dev.opsuite.trace;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct SQL for test set-up and for checking what was stored. */
final class Sql {
    private Sql() {}

    static void run(String url, String... statements) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text (null when there is no row). */
    static String queryText(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as bytes (null when there is no row). */
    static byte[] queryBytes(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getBytes(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
