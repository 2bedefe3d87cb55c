/**
 * CDK entry point (`npm run synth` / `npm run deploy`). Environment-agnostic on purpose: synthesis needs
 * no AWS credentials; set CDK_DEFAULT_REGION only if you want region-bound extras such as ALB access logs.
 */
import { App } from 'aws-cdk-lib';
import { budgetBuddyBot } from '@budgetbuddy/bot';
import { tableDefinition } from '@budgetbuddy/fulfillment/store';
import { buildBudgetBuddy } from '../lib/BudgetBuddyApp';
import { readDeployConfig } from '../lib/config';

const app = new App();
buildBudgetBuddy(app, { bot: budgetBuddyBot, tableDefinition, config: readDeployConfig(app) });
app.synth();
