package cn.gz.youcheng.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Remembers the statements the application's queries send, with their parameters, so that the benchmark
 * can show PostgreSQL's plan for exactly those (EXPLAIN ANALYZE), not for a copy of the SQL.
 */
final class RecordingDataSource extends DelegatingDataSource {

    record Call(Method method, Object[] args) {
    }

    record Recorded(String sql, List<Call> parameters) {

        /** EXPLAIN (ANALYZE, BUFFERS) of the statement with the parameters it was sent with. */
        String explain(Connection connection) throws SQLException {
            try (PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + sql)) {
                for (Call call : parameters) {
                    try {
                        call.method().invoke(explain, call.args());
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new SQLException(e);
                    }
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        }
    }

    final List<Recorded> statements = new ArrayList<>();

    RecordingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return proxy(Connection.class, (p, method, args) -> {
            Object result = invoke(connection, method, args);
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement) {
                Recorded recorded = new Recorded((String) args[0], new ArrayList<>());
                return proxy(PreparedStatement.class, (ps, m, a) -> {
                    if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer) {
                        recorded.parameters().add(new Call(m, a));
                    } else if (m.getName().startsWith("execute")) {
                        statements.add(recorded);
                    }
                    return invoke(statement, m, a);
                });
            }
            return result;
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
