import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step (prepare-package, after copy-dependencies): removes the JAR signatures from the runtime
 * libraries in target/lib. The JVM's class-data archive leaves classes from signed JARs out, and
 * every class loaded from one has its digest checked: for the Azure SDK's signed JARs that is a
 * third of a second of a cold start. Nothing checks these signatures (no security manager, no
 * signed JCE provider requirement on OpenJDK); the JARs come from Maven Central by checksum.
 * Run with: java src/build/Unsign.java target/lib
 */
public final class Unsign {
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)", Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        int changed = 0;
        for (Path jar : jars) {
            if (unsign(jar)) {
                changed++;
            }
        }
        System.out.println("unsigned " + changed + " of " + jars.size() + " runtime libraries in " + dir);
    }

    private static boolean unsign(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.stream().noneMatch(e -> SIGNATURE.matcher(e.getName()).matches())) {
                return false;
            }
            Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (SIGNATURE.matcher(e.getName()).matches()) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    z.putNextEntry(copy);
                    try (InputStream in = zip.getInputStream(e)) {
                        in.transferTo(z);
                    }
                    z.closeEntry();
                }
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }
}
