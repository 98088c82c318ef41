package dev.opsuite.gateway.docs;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo;
import com.google.protobuf.ExtensionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contracts of package ops.v1 as protoc described them, comments included: the descriptor set
 * ops-proto puts on the classpath ({@value #RESOURCE}, written with source info and dependencies).
 * Services and RPCs keep the order of the .proto files; messages and enums are sorted by full name.
 */
final class ApiDescriptors {
    static final String RESOURCE = "/ops/v1/ops.protoset";
    static final String PACKAGE = "ops.v1";

    // field numbers of descriptor.proto, the steps of a SourceCodeInfo path
    private static final int FILE_MESSAGE = 4;
    private static final int FILE_ENUM = 5;
    private static final int FILE_SERVICE = 6;
    private static final int MESSAGE_FIELD = 2;
    private static final int MESSAGE_NESTED = 3;
    private static final int MESSAGE_ENUM = 4;
    private static final int ENUM_VALUE = 2;
    private static final int SERVICE_METHOD = 2;

    record Service(String fullName, String name, String file, String comment, List<Rpc> rpcs) {}

    /** One RPC; input and output are full message names, http is null without a google.api.http rule. */
    record Rpc(String service, String name, String comment, String input, String output, boolean clientStreaming,
               boolean serverStreaming, HttpRule http) {
        String fullMethod() {
            return service + "/" + name;
        }
    }

    record Message(String fullName, String file, String comment, List<Field> fields) {}

    /**
     * One field. type is a scalar's proto name ("string") or a message's or enum's full name; a map
     * field has its key type in mapKey (else null) and its value type in type.
     */
    record Field(String name, int number, String mapKey, String type, String label, String comment) {}

    record EnumType(String fullName, String file, String comment, List<EnumValue> values) {}

    record EnumValue(String name, int number, String comment) {}

    final List<Service> services = new ArrayList<>();
    final Map<String, Message> messages = new TreeMap<>();
    final Map<String, EnumType> enums = new TreeMap<>();

    private final Map<String, DescriptorProto> mapEntries = new HashMap<>();

    private ApiDescriptors() {}

    /** Reads the descriptor set from the classpath. */
    static ApiDescriptors load() {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        AnnotationsProto.registerAllExtensions(registry);
        try (InputStream in = ApiDescriptors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: build ops-proto (writeDescriptorSet)");
            }
            return of(FileDescriptorSet.parseFrom(in, registry));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ApiDescriptors of(FileDescriptorSet set) {
        ApiDescriptors d = new ApiDescriptors();
        List<FileDescriptorProto> files = set.getFileList().stream().filter(f -> f.getPackage().equals(PACKAGE))
                .sorted(java.util.Comparator.comparing(FileDescriptorProto::getName)).toList();
        for (FileDescriptorProto f : files) {
            for (int i = 0; i < f.getMessageTypeCount(); i++) {
                d.indexEntries(PACKAGE + "." + f.getMessageType(i).getName(), f.getMessageType(i));
            }
        }
        for (FileDescriptorProto f : files) {
            Comments comments = new Comments(f.getSourceCodeInfo());
            for (int i = 0; i < f.getMessageTypeCount(); i++) {
                d.addMessage(f, comments, PACKAGE + "." + f.getMessageType(i).getName(), f.getMessageType(i),
                        List.of(FILE_MESSAGE, i));
            }
            for (int i = 0; i < f.getEnumTypeCount(); i++) {
                d.addEnum(f, comments, PACKAGE + "." + f.getEnumType(i).getName(), f.getEnumType(i), List.of(FILE_ENUM, i));
            }
            for (int i = 0; i < f.getServiceCount(); i++) {
                d.addService(f, comments, f.getService(i), i);
            }
        }
        if (d.services.isEmpty() || d.messages.isEmpty()) {
            throw new IllegalStateException("the descriptor set holds no services or messages of " + PACKAGE);
        }
        return d;
    }

    Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    private void indexEntries(String fullName, DescriptorProto m) {
        for (DescriptorProto nested : m.getNestedTypeList()) {
            String name = fullName + "." + nested.getName();
            if (nested.getOptions().getMapEntry()) {
                mapEntries.put(name, nested);
            }
            indexEntries(name, nested);
        }
    }

    private void addMessage(FileDescriptorProto file, Comments comments, String fullName, DescriptorProto m,
                            List<Integer> path) {
        if (m.getOptions().getMapEntry()) {
            return; // shown as map<K, V> on the field that holds it
        }
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < m.getFieldCount(); i++) {
            fields.add(field(m, m.getField(i), comments.at(path, MESSAGE_FIELD, i)));
        }
        messages.put(fullName, new Message(fullName, file.getName(), comments.at(path), List.copyOf(fields)));
        for (int i = 0; i < m.getNestedTypeCount(); i++) {
            addMessage(file, comments, fullName + "." + m.getNestedType(i).getName(), m.getNestedType(i),
                    append(path, MESSAGE_NESTED, i));
        }
        for (int i = 0; i < m.getEnumTypeCount(); i++) {
            addEnum(file, comments, fullName + "." + m.getEnumType(i).getName(), m.getEnumType(i),
                    append(path, MESSAGE_ENUM, i));
        }
    }

    private void addEnum(FileDescriptorProto file, Comments comments, String fullName, EnumDescriptorProto e,
                         List<Integer> path) {
        List<EnumValue> values = new ArrayList<>();
        for (int i = 0; i < e.getValueCount(); i++) {
            values.add(new EnumValue(e.getValue(i).getName(), e.getValue(i).getNumber(),
                    comments.at(append(path, ENUM_VALUE, i))));
        }
        enums.put(fullName, new EnumType(fullName, file.getName(), comments.at(path), List.copyOf(values)));
    }

    private void addService(FileDescriptorProto file, Comments comments, ServiceDescriptorProto s, int index) {
        String fullName = PACKAGE + "." + s.getName();
        List<Integer> path = List.of(FILE_SERVICE, index);
        List<Rpc> rpcs = new ArrayList<>();
        for (int i = 0; i < s.getMethodCount(); i++) {
            MethodDescriptorProto m = s.getMethod(i);
            HttpRule http = m.getOptions().hasExtension(AnnotationsProto.http)
                    ? m.getOptions().getExtension(AnnotationsProto.http) : null;
            rpcs.add(new Rpc(fullName, m.getName(), comments.at(path, SERVICE_METHOD, i), typeName(m.getInputType()),
                    typeName(m.getOutputType()), m.getClientStreaming(), m.getServerStreaming(), http));
        }
        services.add(new Service(fullName, s.getName(), file.getName(), comments.at(path), List.copyOf(rpcs)));
    }

    private Field field(DescriptorProto owner, FieldDescriptorProto f, String comment) {
        DescriptorProto entry = f.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED
                ? mapEntries.get(typeName(f.getTypeName())) : null;
        if (entry != null) {
            return new Field(f.getName(), f.getNumber(), typeOf(entry.getField(0)), typeOf(entry.getField(1)), "map",
                    comment);
        }
        String label;
        if (f.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
            label = "repeated";
        } else if (f.getProto3Optional()) {
            label = "optional";
        } else if (f.hasOneofIndex()) {
            label = "oneof " + owner.getOneofDecl(f.getOneofIndex()).getName();
        } else {
            label = "";
        }
        return new Field(f.getName(), f.getNumber(), null, typeOf(f), label, comment);
    }

    private static String typeOf(FieldDescriptorProto f) {
        if (f.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE || f.getType() == FieldDescriptorProto.Type.TYPE_ENUM) {
            return typeName(f.getTypeName());
        }
        return f.getType().name().substring("TYPE_".length()).toLowerCase(Locale.ROOT);
    }

    /** ".ops.v1.Plan" → "ops.v1.Plan". */
    private static String typeName(String protoName) {
        return protoName.startsWith(".") ? protoName.substring(1) : protoName;
    }

    private static List<Integer> append(List<Integer> path, int... steps) {
        List<Integer> out = new ArrayList<>(path);
        for (int s : steps) {
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** The comments of one file by SourceCodeInfo path: the leading comment, else the trailing one. */
    private static final class Comments {
        private final Map<List<Integer>, String> byPath = new HashMap<>();

        Comments(SourceCodeInfo info) {
            for (SourceCodeInfo.Location l : info.getLocationList()) {
                String text = !l.getLeadingComments().isBlank() ? l.getLeadingComments() : l.getTrailingComments();
                if (!text.isBlank()) {
                    byPath.putIfAbsent(List.copyOf(l.getPathList()), clean(text));
                }
            }
        }

        String at(List<Integer> path, int... steps) {
            return byPath.getOrDefault(append(path, steps), "");
        }

        /** One line per comment line, the leading space of "// " dropped; blank lines kept as paragraph breaks. */
        private static String clean(String text) {
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                lines.add(line.strip());
            }
            return String.join("\n", lines).strip();
        }
    }
}
