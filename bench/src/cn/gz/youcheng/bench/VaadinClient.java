package cn.gz.youcheng.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One visitor of the public directory over plain HTTP, speaking Vaadin's own protocol as the browser does:
 * the bootstrap page (which starts the HTTP session), the init request (which creates the UI and hands
 * over the security key), the navigation to the route (which builds the view and sends the first rows),
 * and the grid's own calls: confirming each batch of rows and asking for a range of them.
 *
 * <p>Captured from Chromium against this application; see bench/README.md.
 */
final class VaadinClient {

    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");
    private static final Pattern GRID = Pattern.compile(
            "\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"tag\",\"feat\":0,\"value\":\"vaadin-grid\"}");
    private static final Pattern SIZE = Pattern.compile("\\[\\{\"@v-node\":%d},(\\d+),\"return \\$0\\.\\$connector\\.updateSize\\(\\$1\\)\"]");
    private static final Pattern CONFIRM = Pattern.compile("\\[\\{\"@v-node\":%d},(\\d+),\"return \\$0\\.\\$connector\\.confirm\\(\\$1\\)\"]");
    private static final Pattern PAGE_SIZE = Pattern.compile("\\{\"node\":%d,\"type\":\"put\",\"key\":\"pageSize\",\"feat\":1,\"value\":(\\d+)");
    private static final Pattern ROW_KEY = Pattern.compile("\\{\"key\":\"");

    private final Http1 http;
    private String cookie;
    private String securityKey;
    private int syncId;
    private int clientId;
    private int promise;
    private int grid = -1;
    private int size = -1;

    VaadinClient(String base) {
        this.http = new Http1(URI.create(base));
    }

    /** Opens the directory at {@code query} (e.g. "" or "q=mar") as a browser would: a new session and UI. */
    void open(String query) throws IOException, InterruptedException {
        Http1.Response page = send(http.get("/" + (query.isEmpty() ? "" : "?" + query), headers()));
        cookie = page.setCookies().stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> "JSESSIONID=" + m.group(1)).findFirst().orElseThrow(() -> new IOException("no session cookie"));
        String init = send(http.get("/?v-r=init&location=&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&v-tzid=Asia%2FShanghai&v-wn=bench-" + System.nanoTime(), headers())).body();
        securityKey = first(SECURITY_KEY, init, "security key");
        syncId = Integer.parseInt(first(SYNC_ID, init, "syncId"));
        clientId = 0;
        String view = rpc("{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"/\",\"query\":\""
                + query + "\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}");
        Matcher hasGrid = GRID.matcher(view);
        if (!hasGrid.find()) {
            return; // a view without a grid (the hello-world): nothing more to ask for
        }
        grid = Integer.parseInt(hasGrid.group(1));
        size = Integer.parseInt(first(Pattern.compile(String.format(SIZE.pattern(), grid)), view, "grid size"));
        int pageSize = Integer.parseInt(first(Pattern.compile(String.format(PAGE_SIZE.pattern(), grid)), view, "page size"));
        confirm(view);
        // The grid then asks for its first two pages, as Chromium's does in a window of 1280 × 720.
        rows(0, 2 * pageSize);
    }

    /** Asks the grid for rows as scrolling there would; returns how many came back. */
    int rows(int offset, int length) throws IOException, InterruptedException {
        String response = rpc(method("setViewportRange", offset + "," + length));
        int rows = (int) ROW_KEY.matcher(response).results().count();
        confirm(response);
        return rows;
    }

    int size() {
        return size;
    }

    private void confirm(String response) throws IOException, InterruptedException {
        Matcher update = Pattern.compile(String.format(CONFIRM.pattern(), grid)).matcher(response);
        if (update.find()) {
            rpc(method("confirmUpdate", update.group(1)));
        }
    }

    private String method(String name, String args) {
        return "{\"type\":\"publishedEventHandler\",\"node\":" + grid + ",\"templateEventMethodName\":\"" + name
                + "\",\"templateEventMethodArgs\":[" + args + "],\"promise\":" + promise++ + "}";
    }

    private String rpc(String invocation) throws IOException, InterruptedException {
        String body = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[" + invocation + "],\"syncId\":" + syncId
                + ",\"clientId\":" + clientId + "}";
        List<String> headers = new ArrayList<>(headers());
        headers.add("Content-Type: application/json; charset=UTF-8");
        String json = send(http.post("/?v-r=uidl&v-uiId=0", headers, body)).body();
        if (json.startsWith("for(;;);")) {
            json = json.substring(8);
        }
        if (json.contains("appError") || json.contains("sessionExpired")) {
            throw new IOException("Vaadin answered with an error: " + json.substring(0, Math.min(300, json.length())));
        }
        syncId = Integer.parseInt(first(SYNC_ID, json, "syncId"));
        clientId = Integer.parseInt(first(CLIENT_ID, json, "clientId"));
        return json;
    }

    private List<String> headers() {
        List<String> headers = new ArrayList<>();
        headers.add("Accept-Language: zh-CN,zh;q=0.9");
        if (cookie != null) {
            headers.add("Cookie: " + cookie);
        }
        return headers;
    }

    private static Http1.Response send(Http1.Response response) throws IOException {
        if (response.status() != 200) {
            throw new IOException("HTTP " + response.status() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response;
    }

    /** Lets the connection go; the server keeps the session and UI until they time out, as for a closed tab. */
    void disconnect() {
        http.close();
    }

    private static String first(Pattern pattern, String text, String what) throws IOException {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IOException("no " + what + " in " + text.substring(0, Math.min(300, text.length())));
        }
        return matcher.group(1);
    }
}
