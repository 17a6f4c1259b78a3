package cn.gz.youcheng.base;

import java.util.List;

/**
 * Something to tell an officer, said once in the language of whoever reads it: a translation key and its
 * arguments. An argument that is itself a message is translated first. Services and the import speak in
 * messages; views translate them ({@code base.ui.Messages}), and nothing in between writes English.
 */
public record Message(String key, List<Object> arguments) {

    public Message {
        arguments = List.copyOf(arguments);
    }

    public static Message of(String key, Object... arguments) {
        return new Message(key, List.of(arguments));
    }
}
