/** jest globalSetup of the fulfillment and scripts projects: the run's shared DynamoDB Local. */
import { startSharedDynamo } from '../sharedDynamo';

export default startSharedDynamo;
