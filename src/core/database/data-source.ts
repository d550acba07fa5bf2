import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app.config.js';
import { dataSourceOptions } from './data-source.options.js';

/** For the TypeORM CLI: `npx typeorm migration:run -d dist/src/core/database/data-source.js`. */
export default new DataSource(dataSourceOptions(loadConfig(process.env)));
