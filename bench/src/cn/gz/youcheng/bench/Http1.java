package cn.gz.youcheng.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one kept-alive connection, with Nagle's algorithm off and each request sent
 * in a single write, as browsers do. The JDK's HttpClient writes a POST's headers and body separately
 * without TCP_NODELAY, which on loopback adds the 40 ms of a delayed acknowledgement to every call and
 * would be measured as the application's latency.
 */
final class Http1 implements AutoCloseable {

    record Response(int status, List<String> setCookies, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Http1(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    Response get(String path, List<String> headers) throws IOException {
        return exchange("GET", path, headers, null);
    }

    Response post(String path, List<String> headers, String json) throws IOException {
        return exchange("POST", path, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    private Response exchange(String method, String path, List<String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.writeBytes(body);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                connect();
                out.write(request.toByteArray());
                out.flush();
                return read();
            } catch (IOException closedMeanwhile) {
                // The server closes idle kept-alive connections; the request is sent again on a new one.
                close();
                if (attempt > 0) {
                    throw closedMeanwhile;
                }
            }
        }
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(120_000);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        List<String> cookies = new ArrayList<>();
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "set-cookie" -> cookies.add(value);
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.writeBytes(in.readNBytes(size));
                line();
            }
            line();
        } else if (length >= 0) {
            body.writeBytes(in.readNBytes((int) length));
        } else {
            body.writeBytes(in.readAllBytes());
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, cookies, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
