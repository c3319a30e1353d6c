package dev.vlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** Folders that travel inside vlab's jar (the labs and the demo app), as readable paths. */
public final class Bundled {
  private Bundled() {}

  /** The bundled folder {@code name}, whether vlab runs from its jar or from compiled classes. */
  public static Path folder(String name) {
    URL url = Bundled.class.getResource("/" + name);
    if (url == null) {
      throw new IllegalStateException("vlab was built without its " + name + " folder");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return Path.of(uri);
      }
      return jarFileSystemPath(uri);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unreadable resource address " + url, e);
    }
  }

  private static Path jarFileSystemPath(URI uri) {
    try {
      return FileSystems.newFileSystem(uri, Map.of()).provider().getPath(uri);
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(uri).provider().getPath(uri);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
