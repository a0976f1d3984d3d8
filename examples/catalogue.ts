// The gallery's examples, in the order of the htmx examples catalogue.
import type { Example } from './example.ts'
import { activeSearch } from './pages/active-search.ts'
import { bulkUpdate } from './pages/bulk-update.ts'
import { clickToEdit } from './pages/click-to-edit.ts'
import { clickToLoad } from './pages/click-to-load.ts'
import { deleteRow } from './pages/delete-row.ts'
import { editRow } from './pages/edit-row.ts'
import { infiniteScroll } from './pages/infinite-scroll.ts'
import { inlineValidation } from './pages/inline-validation.ts'
import { lazyLoading } from './pages/lazy-loading.ts'

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
]
