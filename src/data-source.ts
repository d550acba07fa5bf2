import { DataSource } from 'typeorm';
import { loadConfig } from './core/config/app.config.js';
import { dataSourceOptions } from './core/database/data-source.options.js';
import { ENTITIES } from './entities.js';

/** For the TypeORM CLI: `npx typeorm migration:run -d dist/src/data-source.js`. */
export default new DataSource(dataSourceOptions(loadConfig(process.env), ENTITIES));
