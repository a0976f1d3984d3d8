// The gallery's examples, in the order of the htmx examples catalogue.
import type { Example } from './example.ts'
import { activeSearch } from './pages/active-search.ts'
import { animations } from './pages/animations.ts'
import { asyncAuth } from './pages/async-auth.ts'
import { bulkUpdate } from './pages/bulk-update.ts'
import { cascadingSelects } from './pages/cascading-selects.ts'
import { clickToEdit } from './pages/click-to-edit.ts'
import { clickToLoad } from './pages/click-to-load.ts'
import { confirm } from './pages/confirm.ts'
import { deleteRow } from './pages/delete-row.ts'
import { dialogs } from './pages/dialogs.ts'
import { editRow } from './pages/edit-row.ts'
import { fileUpload } from './pages/file-upload.ts'
import { infiniteScroll } from './pages/infinite-scroll.ts'
import { inlineValidation } from './pages/inline-validation.ts'
import { keyboardShortcuts } from './pages/keyboard-shortcuts.ts'
import { lazyLoading } from './pages/lazy-loading.ts'
import { modalDialogs } from './pages/modal-dialogs.ts'
import { moveBefore } from './pages/move-before.ts'
import { preservingFileInputs } from './pages/preserving-file-inputs.ts'
import { progressBar } from './pages/progress-bar.ts'
import { resetInput } from './pages/reset-input.ts'
import { sortable } from './pages/sortable.ts'
import { tabsHateoas, tabsJavascript } from './pages/tabs.ts'
import { updateOtherContent } from './pages/update-other-content.ts'
import { webComponents } from './pages/web-components.ts'

/** Every example the gallery serves, in catalogue order. */
export const EXAMPLES: readonly Example[] = [
  clickToEdit,
  bulkUpdate,
  clickToLoad,
  deleteRow,
  editRow,
  lazyLoading,
  inlineValidation,
  infiniteScroll,
  activeSearch,
  progressBar,
  cascadingSelects,
  animations,
  fileUpload,
  preservingFileInputs,
  resetInput,
  dialogs,
  modalDialogs,
  tabsHateoas,
  tabsJavascript,
  keyboardShortcuts,
  sortable,
  updateOtherContent,
  confirm,
  asyncAuth,
  webComponents,
  moveBefore,
]
