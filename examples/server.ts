// Serves the examples gallery with hxkit/server: PORT (default 3300) and HOST (default 127.0.0.1).
import { serve } from '../src/server/index.ts'
import { createGalleryApp } from './app.ts'

const app = createGalleryApp()
serve(app, { static: app.assets, port: Number(process.env['PORT'] ?? 3300) })
