package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.account.UserId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ViewerPrincipalTest {

    @Test
    void survivesTheSerialisationOfTheSessionThatHoldsIt() throws IOException, ClassNotFoundException {
        ViewerPrincipal principal = new ViewerPrincipal(new UserId(42));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(principal);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(principal);
        }
    }

    @Test
    void namesTheAccountByItsNumber() {
        assertThat(new ViewerPrincipal(new UserId(42)).getName()).isEqualTo("account 42");
    }
}
