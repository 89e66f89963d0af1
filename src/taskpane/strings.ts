/**
 * Every word the task pane shows, in one place (Script Lab keeps its
 * localization/strings.ts the same way). Components never hold literal text:
 * a reviewer reads the whole voice of the pane here, and a translation is one
 * file. Plain values are labels; functions build sentences from numbers and names.
 */

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export const strings = {
  app: {
    title: 'Competency Matrix',
    tagline: 'Frameworks, assessment grids and heatmaps for Excel.',
    connecting: 'Connecting to Excel…',
    loadingFrameworks: 'Loading the framework library…',
  },

  outsideExcel: {
    title: 'Open this add-in from Excel',
    body: 'This page is the Competency Matrix task pane. It writes frameworks, assessment grids and heatmaps into an Excel workbook, so it only works inside Excel.',
    howTo: 'In Excel, go to Home > Add-ins (or Insert > Add-ins), choose Competency Matrix, then select Show task pane.',
    cli: 'No Excel at hand? The command line builds the same workbook from a roster file:',
    cliCommand: 'npx competency-matrix workbook --framework <id> --roster roster.csv',
  },

  limits: {
    title: 'Some features are limited in this version of Excel',
    noFunctions:
      'This Excel cannot run the add-in’s worksheet functions (=COMPETENCY.*): it lacks the custom functions runtime, which perpetual Excel 2021 and 2024 get only from a late update (Version 2108, or 2311 for retail copies). Grids use native Excel formulas, which work here and everywhere.',
  },

  picker: {
    heading: 'Framework',
    label: 'Choose a framework',
    placeholder: 'Choose a framework',
    builtInGroup: 'Built-in library',
    importedGroup: 'Imported',
    importButton: 'Import a framework file…',
    importHint:
      'Framework JSON, CASE 1.1 JSON, a CSV long table, several CSV tables chosen together, a progression framework (Markdown with YAML front matter) or a career ladder in Markdown headings. Read on this computer; kept in the workbook when you build from it.',
    scaleNeeded: (file: string) =>
      `${file} lists competencies but no proficiency levels (a CASE package without rubrics). Choose the scale its competencies are rated on.`,
    scaleLabel: 'Scale for the imported competencies',
    scalePlaceholder: 'Choose a scale',
    scaleOption: (name: string, levels: string) => `${name}: ${levels}`,
    scaleImport: 'Import with this scale',
    scaleCancel: 'Cancel',
    inWorkbook: 'this workbook',
    importSheetButton: 'Import from this workbook',
    importSheetHint:
      'Reads the proficiency matrix on the sheet you are looking at: one the add-in wrote and you edited, or your own table with a header row Category, Competency, Competency id, Scale, then one column per role.',
    fromSheet: (sheet: string) => `sheet "${sheet}"`,
    storedUnreadable: 'A framework kept in this workbook could not be read.',
    importedOk: (name: string) => `Imported "${name}". It is now in the list.`,
    importWarnings: (n: number) => `${plural(n, 'remark', 'remarks')} on the file:`,
    replacedImport: (name: string) => `"${name}" was already imported; the list now holds the new file.`,
    optionDescription: (publisher: string, roles: number, competencies: number) =>
      `${publisher} · ${plural(roles, 'role', 'roles')} · ${plural(competencies, 'competency', 'competencies')}`,
    chooseFirst: 'Choose a framework above to see what it holds and what you can build from it.',
  },

  preview: {
    heading: 'What this framework holds',
    source: (title: string, publisher: string, year?: number) => `Source: ${title}, ${publisher}${year ? `, ${year}` : ''}.`,
    licence: (licence: string) => `Licence: ${licence}`,
    roles: (n: number) => `Roles (${n}, most junior first)`,
    competencies: (n: number, categories: number) =>
      categories > 0 ? `Competencies (${n} in ${plural(categories, 'category', 'categories')})` : `Competencies (${n})`,
    scales: (n: number) => (n === 1 ? 'Scale' : `Scales (${n})`),
    uncategorised: 'Other',
    partialScale: 'The source states only part of this scale.',
    levelLine: (code: string, name: string) => (code === name ? code : `${code}: ${name}`),
    targets: (n: number) => `${plural(n, 'target level', 'target levels')} by role and competency.`,
    nothingWritten: 'Nothing is written to the workbook until you choose an action below.',
  },

  actions: {
    heading: 'Build',
    busy: 'Another action is running. Wait for it to finish or cancel it.',
  },

  matrix: {
    heading: 'Proficiency matrix',
    description: 'A sheet of competencies by role with target levels, the scale with its definitions, and descriptors per level.',
    rolesLabel: 'Roles to include',
    allRoles: 'All roles',
    noRoles: 'Choose at least one role.',
    run: 'Insert matrix',
  },

  grid: {
    heading: 'Assessment grid',
    description:
      'A sheet with one row per person and one column per competency: level dropdowns, targets from each role, gaps, meets % and coverage.',
    sourceLabel: 'Who is assessed',
    sourceSelection: 'People in the current selection',
    sourceSelectionHint:
      'Select the roster in the sheet first: a header row with id, name and role (manager and competency columns are optional).',
    sourceTable: 'People in an Excel table',
    sourceCsv: 'People in a CSV file',
    sourceBlank: 'Blank rows to fill in',
    tableLabel: 'Table',
    tablePlaceholder: 'Choose a table',
    tablesLoading: 'Looking for tables…',
    noTables: 'This workbook has no tables. Format the roster as a table (Insert > Table) or use the current selection.',
    refreshTables: 'Look again',
    csvButton: 'Choose a CSV file…',
    csvChosen: (name: string, people: number) => `${name}: ${plural(people, 'row', 'rows')} after the header.`,
    csvNone: 'No file chosen.',
    csvHint:
      'A header row with id, name and role; optional manager and one column per competency with ratings. Read on this computer, never uploaded.',
    blankCount: 'Number of blank rows',
    blankRole: 'Role for the blank rows',
    blankCountInvalid: (max: number) => `Enter a whole number from 1 to ${max.toLocaleString('en')}.`,
    formulasLabel: 'Formulas',
    formulasPortable: 'Portable (native Excel formulas)',
    formulasPortableHint: 'Works for anyone who opens the workbook, with or without the add-in. Recommended.',
    formulasAddin: 'Add-in functions (=COMPETENCY.*)',
    formulasAddinHint: 'Shorter formulas; people without the add-in see #NAME?.',
    formulasAddinUnavailable: 'Not available in this Excel: it cannot run add-in functions.',
    readinessLabel: 'Readiness for the next role',
    readinessStrict: 'Strict: every competency at or above the next role’s target',
    readinessStrictHint: 'Shows the share of the next role’s targets met and how many competencies still block it.',
    readinessTolerant: 'Tolerant: most targets met, none far short',
    readinessTolerantHint:
      'Ready at 80% of the next role’s targets (you can change the threshold on the grid) with none more than one level short or not rated.',
    readinessNone: 'None: leave readiness out',
    readinessNoneHint: 'No next role, readiness or blocking columns; the calibration pack then has no readiness table.',
    run: 'Create grid',
    addHint:
      'With a grid in the workbook already, "Create grid" adds another beside it; grids on one framework share its matrix, scales and targets.',
    updateHeading: 'Or update a grid with these people',
    updateHint: 'Rebuilds the chosen grid for the people above; every rating typed on it is kept, the other grids are not touched.',
    update: 'Update this grid',
    updateChoice: 'Grid to update',
    blankLabel: 'Blank rows',
    noFile: 'Choose a CSV file first.',
    noTable: 'Choose a table first.',
  },

  gridChoice: {
    label: 'Team grid',
    loading: 'Looking for team grids…',
    none: 'This workbook has no team grid yet. Create one under "Assessment grid" first.',
    otherFrameworks: (framework: string) =>
      `The team grids here were made with another framework than ${framework}. Choose that framework above, or create a grid for this one.`,
    refresh: 'Look again',
    option: (sheet: string, people: number, label?: string, writtenAt?: string) =>
      `${sheet}${label && label !== sheet ? ` – ${label}` : ''} (${plural(people, 'person', 'people')}${writtenAt ? `, ${writtenAt.slice(0, 10)}` : ''})`,
    noGrid: 'Create a team grid first (see "Assessment grid").',
    gone: (sheet: string) =>
      `the team grid "${sheet}" is no longer in this workbook (or was edited so it no longer reads as a grid); choose "Look again" and pick a grid`,
    otherFramework: (sheet: string, framework: string) =>
      `the team grid "${sheet}" was made with another framework than ${framework}; choose its framework above`,
    rowWithoutId: (problem: string, key: string) =>
      `${problem[0].toUpperCase()}${problem.slice(1)}, so it was left out of the rebuilt grid; anything rated on it is on the "Unplaced ratings" sheet under "${key}". Add the person again with an id to bring them back.`,
  },

  heatmaps: {
    heading: 'Heatmaps',
    description:
      'Colours the chosen grid again from its framework: ratings from the lowest level (light) to the highest (dark), and gaps (gap = rating − target) from short of target (red) through on target (white) to above it (green). The grid is rebuilt in place and every rating is kept.',
    run: 'Add or refresh heatmaps',
  },

  calibration: {
    heading: 'Calibration pack',
    description:
      'Rater statistics for a calibration meeting: leniency by manager, distributions by level, and a heatmap of manager by competency that follows live edits.',
    minGroup: 'Hide groups smaller than',
    minGroupInvalid: 'Enter a whole number from 2 to 50.',
    run: 'Build calibration pack',
    together: (grids: number, framework: string) =>
      `Calibrate all ${grids} grids on ${framework} together (one pack: managers across teams, expectations from everyone)`,
  },

  collect: {
    heading: 'Collect returned workbooks',
    description:
      'With the master of an assessment cycle open, pick the team and self-assessment workbooks that came back. Each rating goes into the master by person id and competency; the report is written to the Collection sheet. Files are read here, never uploaded.',
    pick: 'Choose returned workbooks…',
    readingMaster: 'Reading the master',
    readingFiles: (n: number) => `Reading ${n} returned ${n === 1 ? 'workbook' : 'workbooks'}`,
    otherFramework: (splitWith: string, chosen: string) =>
      `This master was split with the framework "${splitWith}", and "${chosen}" is chosen above. Choose "${splitWith}" and collect again; nothing was changed.`,
    done: (sheet: string) =>
      `Collected. The report is on the sheet "${sheet}". This cannot be undone from the pane; collecting the same files again changes nothing.`,
  },

  meeting: {
    heading: 'Calibration meeting',
    description:
      'Start the meeting to take a snapshot of the grid; every rating then changed on the grid is logged on a Decisions sheet, with the reason you type here. Ending it writes the before and after, and locks the log.',
    start: 'Start the meeting',
    end: 'End the meeting',
    alreadyRunning: (log: string) => `A meeting is already being recorded on "${log}". End it before starting another.`,
    busy: (grid: string, log: string, action: string) =>
      `A meeting on "${grid}" is being recorded in "${log}". End the meeting before you ${action}: its log would take the add-in's own writes for decisions.`,
    busyUndo: 'undo',
    busyRebuild: 'update its grid',
    resumeFailed: 'An open meeting in this workbook could not be picked up again:',
    running: (grid: string, log: string) => `Meeting in progress on "${grid}". Changes are logged on "${log}".`,
    resumed: (grid: string, log: string) => `A meeting on "${grid}" was still open; its log "${log}" is recording again.`,
    noChanges: 'No rating has changed yet. Change ratings on the grid; each change appears here.',
    changesHeading: 'Changes logged',
    change: (person: string, competency: string, before: string, after: string) =>
      `${person}, ${competency}: ${before || 'blank'} → ${after || 'blank'}`,
    reason: (person: string, competency: string) => `Reason for ${person}, ${competency}`,
    saveReason: 'Save reason',
    reasonSaved: 'Saved',
    deferred: (n: number) =>
      `${plural(n, 'change', 'changes')} of several cells at once (a paste) will be compared with the snapshot when the meeting ends.`,
    failed: 'Excel refused to log a change; it will be found by comparing with the snapshot when the meeting ends.',
    ended: (log: string) => `The meeting has ended. "${log}" holds its decisions and is now read-only.`,
    loggedCount: (n: number) => `${plural(n, 'change', 'changes')} logged during the meeting.`,
    foundAtEnd: (n: number) =>
      `${plural(n, 'change was', 'changes were')} not seen as it happened (pasted, or made while the pane was closed) and ${n === 1 ? 'was' : 'were'} added from the snapshot.`,
    differ: (n: number) => `${plural(n, 'rating differs', 'ratings differ')} from the snapshot taken at the start.`,
  },

  progress: {
    label: (action: string) => `${action}…`,
    step: (done: number, total: number) => `Step ${done} of ${total}`,
    readingRoster: 'Reading the roster from the workbook',
    readingGrid: 'Reading the team grid',
    cancel: 'Cancel',
    cancelling: 'Cancelling after the current step…',
  },

  summary: {
    doneTitle: (action: string) => `${action}: done`,
    created: (names: readonly string[]) => `Created ${plural(names.length, 'sheet', 'sheets')}: ${names.join(', ')}.`,
    replaced: (names: readonly string[]) => `Rebuilt ${plural(names.length, 'sheet', 'sheets')}: ${names.join(', ')}.`,
    ratingsKept: (n: number) => `${plural(n, 'rating was', 'ratings were')} kept.`,
    otherEntriesKept: (n: number) => `${plural(n, 'other entry', 'other entries')} (coverage levels) kept.`,
    ratingsUnplaced: (n: number) =>
      `${plural(n, 'rating', 'ratings')} could not be placed in the new grid (the person or competency is gone); they are listed on the sheet named below so nothing is lost.`,
    unplacedSheet: (name: string) => `Unplaced ratings are on "${name}".`,
    gridAdded: (sheet: string, shared: readonly string[]) =>
      `Added the grid "${sheet}" beside the workbook's other grids, which were not touched${shared.length ? `; it reads ${shared.join(', ')} with them` : ''}.`,
    gridUpdated: (sheet: string, others: number) =>
      `Updated the grid "${sheet}"${others ? `; the workbook's ${plural(others, 'other grid was', 'other grids were')} not touched` : ''}.`,
    warnings: 'Worth knowing:',
    renamed: (wanted: string, name: string) => `A sheet of yours is called "${wanted}", so the new one is "${name}".`,
    keptAside: (was: string, now: string) => `"${was}" held entries of yours, so it was kept as "${now}" and a new one was made.`,
    nothingChanged: 'Nothing needed changing.',
    dismiss: 'Dismiss',
    cancelledTitle: (action: string) => `${action}: cancelled`,
    cancelledBody: 'Stopped at your request. Run the action again when you are ready.',
  },

  errors: {
    title: (action: string) => `${action}: not done`,
    whatToDo: 'What to do:',
    /** Titles and fixes by kind of problem; the message from core says exactly what is wrong. */
    kinds: {
      'unknown-level': {
        title: 'A rating is not a level of the scale',
        fix: 'Change the value to one of the levels listed, or leave the cell blank for "not rated".',
      },
      'unknown-role': {
        title: 'A role is not in the framework',
        fix: 'Use one of the role names listed, or pick the framework that has this role.',
      },
      'unknown-competency': {
        title: 'A competency is not in the framework',
        fix: 'Rename the column to one of the competencies listed, or remove it.',
      },
      'unknown-framework': { title: 'Framework not found', fix: 'Choose a framework from the list again.' },
      'unknown-scale': { title: 'Scale not found', fix: 'Check the framework file: every competency must use a scale it defines.' },
      'invalid-framework': {
        title: 'The framework file has problems',
        fix: 'Fix the places listed in the file and import it again. Nothing was imported.',
      },
      'invalid-roster': {
        title: 'The roster has problems',
        fix: 'Fix what is described above in the roster, then run the action again. Nothing was written.',
      },
      'invalid-file': { title: 'The file cannot be read', fix: 'Save it as UTF-8 (in Excel: Save As > CSV UTF-8) and choose it again.' },
      'invalid-argument': { title: 'An option is not valid', fix: 'Check the options above and try again.' },
      'sheet-conflict': {
        title: 'A sheet is in the way',
        fix: 'Rename the sheet named above, then run the action again. Your cells were not changed.',
      },
      'unsupported-host': { title: 'This Excel cannot do that', fix: 'Update Office, or open the workbook in Excel on the web.' },
    },
    payload: {
      title: 'The workbook change is too large for one request',
      detail: 'Excel refused a request because of its size.',
      fix: 'Try again with fewer people at once, or use the desktop version of Excel.',
    },
    protectedSheet: {
      title: 'A sheet is protected',
      detail: 'Excel refused to change a protected sheet or workbook.',
      fix: 'Unprotect it (Review > Unprotect Sheet), then run the action again.',
    },
    editing: {
      title: 'Excel is busy',
      detail: 'Excel is in cell-editing mode or showing a dialog, so it cannot accept changes.',
      fix: 'Press Enter or Esc in the sheet to finish editing, close any dialog, then try again.',
    },
    unexpected: {
      title: 'Something went wrong',
      fix: 'Try again. If it keeps happening, save the workbook, reload the add-in (close and reopen the task pane) and try once more.',
    },
    notUpdated: 'The workbook was not fully updated',
    fileTooLarge: (name: string, mb: number) => `${name} is larger than ${mb} MB.`,
    rosterTooLargeFix: 'Split the roster into smaller files and create a grid from each.',
    frameworkTooLargeFix: 'Check that this is the framework file: framework files are a few hundred KB at most.',
    fileTooLargeTitle: 'The file is too large',
  },

  actionNames: {
    matrix: 'Insert matrix',
    grid: 'Create grid',
    'update-grid': 'Update this grid',
    heatmaps: 'Heatmaps',
    calibration: 'Calibration pack',
    collect: 'Collect returned workbooks',
    import: 'Import framework',
    undo: 'Undo',
    keep: 'Keep',
    'meeting-start': 'Start the meeting',
    'meeting-end': 'End the meeting',
  },

  undo: {
    offer: (action: string) => `${action} can be undone until the next action: the sheets it replaced are kept, hidden.`,
    button: (action: string) => `Undo ${action}`,
    keep: 'Keep',
    keepHint: 'Removes the hidden copies kept for undo.',
    keeping: 'Removing the copies kept for undo',
    kept: 'The copies kept for undo were removed; the workbook stays as it is.',
    askTitle: (action: string) => `Undo ${action}? Entries were made since`,
    typed: (n: number, people: number) =>
      `${plural(n, 'rating was', 'ratings were')} typed or changed on the new sheets (${plural(people, 'person', 'people')}); undo moves them to "Unplaced ratings", so none is lost.`,
    cleared: (n: number) => `${plural(n, 'rating was', 'ratings were')} cleared there; undo brings the old values back.`,
    sheetsAside: (names: readonly string[]) =>
      `${names.join(', ')} ${names.length === 1 ? 'holds' : 'hold'} other entries of yours; ${names.length === 1 ? 'it is' : 'they are'} kept under a new name ending in "(undone)".`,
    confirm: 'Undo anyway',
    decline: 'Do not undo',
    undone: (title: string) => `${title}: undone.`,
    restored: (names: readonly string[]) => `Back as before: ${names.join(', ')}.`,
    removed: (names: readonly string[]) => `Removed: ${names.join(', ')}.`,
    moved: (n: number, sheet: string) => `${plural(n, 'rating', 'ratings')} typed since ${n === 1 ? 'is' : 'are'} kept on "${sheet}".`,
    keptAside: (was: string, now: string) => `"${was}" held entries of yours, so it was kept as "${now}".`,
  },
} as const;
