package dev.aksh.shell;

/**
 * What a command does to the world, declared once per command: read-only mode, production
 * confirmations and completion all derive from it.
 */
public enum Safety {
    /** Reads only; always allowed. */
    READ,
    /** Changes state in Azure or in a cluster. */
    WRITE,
    /** Changes state in a way that can lock the operator out or lose data. */
    DANGEROUS
}
