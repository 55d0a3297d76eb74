package io.trainflow.connectors.ai.embedding;

import java.nio.ByteBuffer;
import java.util.Base64;

/** Small vector helpers; vectors are stored normalised so cosine similarity is a dot product. */
public final class Vectors {

    private Vectors() {}

    public static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** Cosine similarity of two normalised vectors. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    public static byte[] toBytes(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * Float.BYTES);
        for (float x : v) {
            buffer.putFloat(x);
        }
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        float[] v = new float[bytes.length / Float.BYTES];
        for (int i = 0; i < v.length; i++) {
            v[i] = buffer.getFloat();
        }
        return v;
    }

    /** Base64 text form: stores in a portable TEXT column on H2 and PostgreSQL alike. */
    public static String toBase64(float[] v) {
        return Base64.getEncoder().encodeToString(toBytes(v));
    }

    public static float[] fromBase64(String text) {
        return fromBytes(Base64.getDecoder().decode(text));
    }
}
