package dev.keyhole.cli.imports;

/** Reads one export format. */
interface Importer {

    /**
     * @throws ImportException when the file as a whole is unusable; a bad entry is a failure in the batch instead
     */
    ImportBatch read(byte[] file, FilePassword password) throws ImportException;
}
