package cn.gz.youcheng;

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
 * Remembers every statement sent through it: its SQL and parameters, and how it was set to fetch. Tests
 * count and inspect the statements a query sends; the benchmark shows PostgreSQL's plan for exactly those
 * (EXPLAIN ANALYZE), not for a copy of the SQL.
 */
public final class RecordingDataSource extends DelegatingDataSource {

    public record Call(Method method, Object[] args) {
    }

    /**
     * @param fetchSize the statement's fetch size when it was executed
     * @param autoCommit whether its connection was in autocommit mode then
     */
    public record Recorded(String sql, List<Call> parameters, int fetchSize, boolean autoCommit) {

        /** EXPLAIN (ANALYZE, BUFFERS) of the statement with the parameters it was sent with. */
        public String explain(Connection connection) throws SQLException {
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

    public final List<Recorded> statements = new ArrayList<>();

    public RecordingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        return proxy(Connection.class, (p, method, args) -> {
            Object result = invoke(connection, method, args);
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement) {
                String sql = (String) args[0];
                List<Call> parameters = new ArrayList<>();
                return proxy(PreparedStatement.class, (ps, m, a) -> {
                    if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer) {
                        parameters.add(new Call(m, a));
                    } else if (m.getName().startsWith("execute")) {
                        statements.add(new Recorded(sql, List.copyOf(parameters), statement.getFetchSize(),
                                connection.getAutoCommit()));
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
