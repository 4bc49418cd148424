/** A1 references as Excel writes them: `Vehicles!C7`, `'Vehicle List'!C7`. */

/** 1 → `A`, 26 → `Z`, 27 → `AA`. */
export function columnLetters(col: number): string {
  let letters = "";
  let n = Math.floor(col);
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const PLAIN_SHEET_NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
const LOOKS_LIKE_A1 = /^[A-Za-z]{1,3}[0-9]+$/;
// `R`, `C`, `RC`, `R2`, `C3`, `R2C3`: Excel would read these as R1C1 references, so it quotes them.
const LOOKS_LIKE_R1C1 = /^(?:[Rr][0-9]*(?:[Cc][0-9]*)?|[Cc][0-9]*)$/;

/** The sheet part of a reference, quoted when Excel would quote it (`'Vehicle List'`, `'It''s'`). */
export function quoteSheetName(sheet: string): string {
  const plain = PLAIN_SHEET_NAME.test(sheet) && !LOOKS_LIKE_A1.test(sheet) && !LOOKS_LIKE_R1C1.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `Vehicles!C7` for sheet row 7, column 3 (both 1-based). */
export function cellReference(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${columnLetters(col)}${row}`;
}

/** Makes the references of one sheet's cells without re-quoting its name or re-spelling a column each time. */
export function cellReferenceMaker(sheet: string): (row: number, col: number) => string {
  const prefix = `${quoteSheetName(sheet)}!`;
  const letters: string[] = [];
  return (row, col) => {
    let column = letters[col];
    if (column === undefined) {
      column = columnLetters(col);
      letters[col] = column;
    }
    return prefix + column + row;
  };
}
