/**
 * The assistance ledger (救助台账): which household receives which assistance, how much a month, from which month
 * and until when it is next reviewed, with a written record of every reduction and stop; and the written notices
 * the law requires (一次性告知, refusals with reasons, review decisions). It is the place where duplicate assistance
 * becomes impossible: one running grant per household and assistance type, refused in code and by a unique index.
 * Other modules use {@link jiuzhu.ledger.Ledger} and {@link jiuzhu.ledger.Notices}; the tables are the ledger's own.
 */
package jiuzhu.ledger;
